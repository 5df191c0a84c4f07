package io.orderhooks.engine.internal.orgs;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.store.Repository;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.model.Buyer;
import io.orderhooks.core.model.Supplier;
import io.orderhooks.core.model.User;
import io.orderhooks.core.model.UserGroup;
import io.orderhooks.core.model.UserGroupAssignment;
import java.util.List;
import java.util.Optional;

/**
 * Organizations and people: buyers, suppliers, their users and user groups. The seller administers every
 * company; a buyer or supplier caller reads only its own company. Passwords are stored hashed
 * ({@link PasswordHasher}) and never returned: every {@link User} this service returns has
 * {@code Password = null}. Thread-safe.
 */
public final class OrgService {

    private final EngineContext ctx;
    private final PasswordHasher hasher;

    public OrgService(EngineContext ctx, PasswordHasher hasher) {
        this.ctx = ctx;
        this.hasher = hasher;
    }

    private <T> Repository<T> t(Table<T> table) {
        return ctx.store().table(table);
    }

    public Buyer saveBuyer(Caller caller, Buyer b) {
        Errors.requireSeller(caller);
        String id = idOr(b.id());
        Buyer stored = new Buyer(id, b.name(), b.defaultCatalogID(), b.active() == null || b.active(),
                t(Tables.BUYERS).find(id).map(Buyer::dateCreated).orElse(ctx.now()), b.xp());
        t(Tables.BUYERS).put(stored.id(), stored);
        return stored;
    }

    /** Creates a buyer; 409 {@code IdExists} when the ID is taken. */
    public Buyer createBuyer(Caller caller, Buyer b) {
        Errors.requireSeller(caller);
        String id = idOr(b.id());
        Buyer stored = new Buyer(id, b.name(), b.defaultCatalogID(), b.active() == null || b.active(), ctx.now(), b.xp());
        insertNew(Tables.BUYERS, "Buyer", id, stored);
        return stored;
    }

    /** Deletes a buyer with its users, groups, addresses and spending accounts. */
    public void deleteBuyer(Caller caller, String buyerID) {
        Errors.requireSeller(caller);
        if (!t(Tables.BUYERS).delete(buyerID)) {
            throw Errors.notFound("Buyer", buyerID);
        }
        deleteCompanyData(buyerID);
    }

    public Buyer getBuyer(Caller caller, String buyerID) {
        requireCompany(caller, buyerID);
        return t(Tables.BUYERS).find(buyerID).orElseThrow(() -> Errors.notFound("Buyer", buyerID));
    }

    public List<Buyer> listBuyers(Caller caller) {
        return t(Tables.BUYERS).list().stream().filter(b -> caller.isSeller() || b.id().equals(caller.companyID())).toList();
    }

    public Supplier saveSupplier(Caller caller, Supplier s) {
        Errors.requireSeller(caller);
        String id = idOr(s.id());
        Supplier stored = new Supplier(id, s.name(), s.active() == null || s.active(),
                t(Tables.SUPPLIERS).find(id).map(Supplier::dateCreated).orElse(ctx.now()), s.allBuyersCanOrder(), s.xp());
        t(Tables.SUPPLIERS).put(id, stored);
        return stored;
    }

    /** Creates a supplier; 409 {@code IdExists} when the ID is taken. */
    public Supplier createSupplier(Caller caller, Supplier s) {
        Errors.requireSeller(caller);
        String id = idOr(s.id());
        Supplier stored = new Supplier(id, s.name(), s.active() == null || s.active(), ctx.now(), s.allBuyersCanOrder(), s.xp());
        insertNew(Tables.SUPPLIERS, "Supplier", id, stored);
        return stored;
    }

    /** Create or 409: one atomic insert (the store's unique key decides), never a check followed by a write. */
    private <T> void insertNew(io.orderhooks.engine.internal.store.Table<T> table, String resource, String id, T value) {
        try {
            t(table).insert(id, value);
        } catch (io.orderhooks.core.error.OrderCloudException e) {
            throw e.status() == 409 ? idExists(resource, id) : e;
        }
    }

    /** The seller sees every supplier, a supplier user its own. */
    public List<Supplier> listSuppliers(Caller caller) {
        return t(Tables.SUPPLIERS).list().stream().filter(s -> caller.isSeller() || s.id().equals(caller.companyID())).toList();
    }

    public void deleteSupplier(Caller caller, String supplierID) {
        Errors.requireSeller(caller);
        if (!t(Tables.SUPPLIERS).delete(supplierID)) {
            throw Errors.notFound("Supplier", supplierID);
        }
        deleteCompanyData(supplierID);
        t(Tables.SUPPLIER_BUYERS).listWithPrefix(supplierID + "/").forEach(b -> t(Tables.SUPPLIER_BUYERS).delete(Table.key(supplierID, b)));
    }

    /** Removes a deleted company's people, groups, addresses and spending accounts (keys are {@code companyID/...}). */
    private void deleteCompanyData(String c) {
        t(Tables.USERS).listWithPrefix(c + "/").forEach(u -> t(Tables.USERS).delete(Table.key(c, u.id())));
        t(Tables.USER_GROUPS).listWithPrefix(c + "/").forEach(g -> t(Tables.USER_GROUPS).delete(Table.key(c, g.id())));
        t(Tables.USER_GROUP_ASSIGNMENTS).listWithPrefix(c + "/")
                .forEach(a -> t(Tables.USER_GROUP_ASSIGNMENTS).delete(Table.key(c, a.userGroupID(), a.userID())));
        t(Tables.ADDRESSES).listWithPrefix(c + "/").forEach(a -> t(Tables.ADDRESSES).delete(Table.key(c, a.id())));
        t(Tables.ADDRESS_ASSIGNMENTS).listWithPrefix(c + "/").forEach(a -> t(Tables.ADDRESS_ASSIGNMENTS)
                .delete(Table.key(c, a.addressID(), Tables.part(a.userID()), Tables.part(a.userGroupID()))));
        t(Tables.SPENDING_ACCOUNTS).listWithPrefix(c + "/").forEach(a -> t(Tables.SPENDING_ACCOUNTS).delete(Table.key(c, a.id())));
        t(Tables.SPENDING_ACCOUNT_ASSIGNMENTS).listWithPrefix(c + "/").forEach(a -> t(Tables.SPENDING_ACCOUNT_ASSIGNMENTS)
                .delete(Table.key(c, a.spendingAccountID(), Tables.part(a.userID()), Tables.part(a.userGroupID()))));
    }

    static io.orderhooks.core.error.OrderCloudException idExists(String resource, String id) {
        return new io.orderhooks.core.error.OrderCloudException(409, "IdExists", resource + " already exists: " + id);
    }

    public Supplier getSupplier(Caller caller, String supplierID) {
        if (!caller.isSeller() && !caller.companyID().equals(supplierID)) {
            throw Errors.notFound("Supplier", supplierID);
        }
        return t(Tables.SUPPLIERS).find(supplierID).orElseThrow(() -> Errors.notFound("Supplier", supplierID));
    }

    /**
     * Creates or replaces a user of a buyer or supplier. {@code Username} must be unique across the
     * marketplace ({@code User.UsernameMustBeUnique}); a given {@code Password} is hashed, an absent one keeps
     * the old hash.
     */
    public User saveUser(Caller caller, String companyID, User u) {
        return saveUser(caller, companyID, u, false);
    }

    /**
     * As {@link #saveUser(Caller, String, User)}; {@code create} (a POST) stores with one atomic insert: a taken ID is
     * 409 {@code IdExists}. Both conflicts (ID, username) are decided by the store's unique keys in the write itself,
     * so of two racing creates one gets the 409.
     */
    public User saveUser(Caller caller, String companyID, User u, boolean create) {
        requireAdminOf(caller, companyID);
        requireCompanyExists(companyID);
        if (u.username() == null || u.username().isBlank()) {
            throw Errors.required("Username");
        }
        String id = idOr(u.id());
        String key = Table.key(companyID, id);
        Optional<User> old = create ? Optional.empty() : t(Tables.USERS).find(key);
        String hash = u.password() != null ? hasher.hash(u.password()) : old.map(User::password).orElse(null);
        User stored = u.toBuilder().id(id).companyID(companyID).password(hash).active(u.active() == null || u.active())
                .dateCreated(old.map(User::dateCreated).orElse(ctx.now()))
                .passwordLastSetDate(u.password() != null ? ctx.now() : old.map(User::passwordLastSetDate).orElse(null))
                .failedLoginAttempts(u.password() != null ? Integer.valueOf(0)
                        : old.map(User::failedLoginAttempts).orElse(0)).build();
        t(Tables.USERS).save(key, stored, create, "User", id);
        boolean deactivated = old.isPresent() && Boolean.TRUE.equals(old.get().active()) && !Boolean.TRUE.equals(stored.active());
        if (old.isPresent() && (u.password() != null || deactivated)) {
            new TokenVersions(ctx.store()).bump(companyID, id);
        }
        return redact(stored);
    }

    public User getUser(Caller caller, String companyID, String userID) {
        requireCompany(caller, companyID);
        return t(Tables.USERS).find(Table.key(companyID, userID)).map(OrgService::redact)
                .orElseThrow(() -> Errors.notFound("User", userID));
    }

    public List<User> listUsers(Caller caller, String companyID) {
        requireCompany(caller, companyID);
        return t(Tables.USERS).listWithPrefix(companyID + "/").stream().map(OrgService::redact).toList();
    }

    /**
     * Users of every buyer ({@code GET v1/buyerusers}): all of them for the marketplace owner, the caller's own buyer's
     * for a buyer user, none for a supplier user. A group-order contributor is refused (403).
     */
    public List<User> listBuyerUsers(Caller caller) {
        io.orderhooks.engine.internal.grouporders.Contributors.refuse(caller, "read company data");
        if (caller.isSupplier()) {
            return List.of();
        }
        return t(Tables.BUYERS).list().stream().filter(b -> caller.isSeller() || b.id().equals(caller.companyID()))
                .flatMap(b -> t(Tables.USERS).listWithPrefix(b.id() + "/").stream()).map(OrgService::redact).toList();
    }

    /**
     * Moves a buyer user (with its password) to another buyer, keeping its ID; its group memberships in the
     * old buyer are dropped. 404 when either buyer or the user does not exist; 409 {@code IdExists} when the
     * new buyer already has a user with that ID.
     */
    public User moveUser(Caller caller, String fromBuyerID, String userID, String toBuyerID) {
        Errors.requireSeller(caller);
        t(Tables.BUYERS).find(toBuyerID).orElseThrow(() -> Errors.notFound("Buyer", toBuyerID));
        User user = t(Tables.USERS).find(Table.key(fromBuyerID, userID)).orElseThrow(() -> Errors.notFound("User", userID));
        ctx.store().allOrNothing(() -> {
            // the old row goes first: the moved one takes over its unique username
            t(Tables.USERS).delete(Table.key(fromBuyerID, userID));
            t(Tables.USERS).insert(Table.key(toBuyerID, userID), user.toBuilder().companyID(toBuyerID).build());
            return null;
        });
        new TokenVersions(ctx.store()).bump(fromBuyerID, userID);
        t(Tables.USER_GROUP_ASSIGNMENTS).listWithPrefix(fromBuyerID + "/").stream().filter(a -> userID.equals(a.userID()))
                .forEach(a -> t(Tables.USER_GROUP_ASSIGNMENTS).delete(Table.key(fromBuyerID, a.userGroupID(), userID)));
        return redact(user.toBuilder().companyID(toBuyerID).build());
    }

    /** Deletes a user and its group memberships. */
    public void deleteUser(Caller caller, String companyID, String userID) {
        requireAdminOf(caller, companyID);
        if (!t(Tables.USERS).delete(Table.key(companyID, userID))) {
            throw Errors.notFound("User", userID);
        }
        t(Tables.USER_GROUP_ASSIGNMENTS).listWithPrefix(companyID + "/").stream().filter(a -> userID.equals(a.userID()))
                .forEach(a -> t(Tables.USER_GROUP_ASSIGNMENTS).delete(Table.key(companyID, a.userGroupID(), userID)));
        new TokenVersions(ctx.store()).bump(companyID, userID);
    }

    /** The user whose username and password match, if active; empty otherwise (constant-time compare). */
    public Optional<User> authenticate(String username, String password) {
        return checkPassword(username, password).filter(u -> Boolean.TRUE.equals(u.active()));
    }

    /** The user (active or not, redacted) whose username and password match; empty otherwise. */
    public Optional<User> checkPassword(String username, String password) {
        return findByUsername(username).flatMap(u -> t(Tables.USERS).find(Table.key(u.companyID(), u.id())))
                .filter(u -> hasher.verify(password, u.password())).map(OrgService::redact);
    }

    /**
     * A password login with lockout (OrderCloud's {@code FailedLoginAttempts}): the password hash is checked with
     * the same work whether or not the username exists; a wrong password adds one to the user's
     * {@code FailedLoginAttempts}, a right one resets it to 0. A user with {@code maxFailedAttempts} or more is
     * locked: even the right password answers {@link Login#LOCKED} until an admin unlocks the user
     * ({@link #unlock}) or sets a new password.
     */
    public Login login(String username, String password, int maxFailedAttempts) {
        Optional<User> found = findByUsername(username).flatMap(u -> t(Tables.USERS).find(Table.key(u.companyID(), u.id())));
        if (found.isEmpty() || found.get().password() == null) {
            hasher.verifyNothing(password);
            return Login.failed();
        }
        User u = found.get();
        String key = Table.key(u.companyID(), u.id());
        if (failedAttempts(u) >= maxFailedAttempts || !reserveAttempt(key, maxFailedAttempts)) {
            return new Login(Login.LOCKED, redact(u));
        }
        if (!hasher.verify(password, u.password())) {
            return Login.failed();
        }
        t(Tables.USERS).update(key, x -> x.toBuilder().failedLoginAttempts(0).build());
        return new Login(Login.OK, redact(u.toBuilder().failedLoginAttempts(0).build()));
    }

    /**
     * Counts the attempt as failed before the password is checked, in one atomic store update (a row lock on a
     * database), so concurrent guesses on any number of engine instances get at most {@code max} checks in all;
     * a right password then resets the count. False when the user was locked meanwhile.
     */
    private boolean reserveAttempt(String key, int max) {
        boolean[] reserved = {false};
        t(Tables.USERS).update(key, x -> {
            reserved[0] = failedAttempts(x) < max;
            return reserved[0] ? x.toBuilder().failedLoginAttempts(failedAttempts(x) + 1).build() : x;
        });
        return reserved[0];
    }

    private static int failedAttempts(User u) {
        return u.failedLoginAttempts() == null ? 0 : u.failedLoginAttempts();
    }

    /** What a {@link #login} decided; {@code user} is set for {@code OK} and {@code LOCKED}. */
    public record Login(String outcome, User user) {
        public static final String OK = "ok";
        public static final String FAILED = "failed";
        public static final String LOCKED = "locked";

        static Login failed() {
            return new Login(FAILED, null);
        }
    }

    /** Resets the user's {@code FailedLoginAttempts} ({@code POST .../users/{userID}/unlock}). */
    public void unlock(Caller caller, String companyID, String userID) {
        requireAdminOf(caller, companyID);
        t(Tables.USERS).update(Table.key(companyID, userID), x -> x.toBuilder().failedLoginAttempts(0).build());
    }

    /** The user with {@code username} (ignoring case) in any company, redacted. */
    public Optional<User> findByUsername(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return t(Tables.USERS).findByLookup(username.toLowerCase(java.util.Locale.ROOT)).stream().findFirst()
                .map(OrgService::redact);
    }

    /** The stored user of a company, redacted; used to fill {@code Order.FromUser}. */
    public Optional<User> findUser(String companyID, String userID) {
        return t(Tables.USERS).find(Table.key(companyID, userID)).map(OrgService::redact);
    }

    public UserGroup saveUserGroup(Caller caller, String companyID, UserGroup g) {
        return saveUserGroup(caller, companyID, g, false);
    }

    /** {@code create}: a POST — one atomic insert, 409 {@code IdExists} when the ID is taken (also by a racing create). */
    public UserGroup saveUserGroup(Caller caller, String companyID, UserGroup g, boolean create) {
        requireAdminOf(caller, companyID);
        requireCompanyExists(companyID);
        UserGroup stored = new UserGroup(idOr(g.id()), g.name(), g.description(), g.xp());
        t(Tables.USER_GROUPS).save(Table.key(companyID, stored.id()), stored, create, "UserGroup", stored.id());
        return stored;
    }

    public UserGroup getUserGroup(Caller caller, String companyID, String groupID) {
        requireCompany(caller, companyID);
        return t(Tables.USER_GROUPS).find(Table.key(companyID, groupID)).orElseThrow(() -> Errors.notFound("UserGroup", groupID));
    }

    /** Deletes a group and its memberships. */
    public void deleteUserGroup(Caller caller, String companyID, String groupID) {
        requireAdminOf(caller, companyID);
        if (!t(Tables.USER_GROUPS).delete(Table.key(companyID, groupID))) {
            throw Errors.notFound("UserGroup", groupID);
        }
        t(Tables.USER_GROUP_ASSIGNMENTS).listWithPrefix(Table.key(companyID, groupID) + "/")
                .forEach(a -> t(Tables.USER_GROUP_ASSIGNMENTS).delete(Table.key(companyID, groupID, a.userID())));
    }

    /**
     * A user changing their own profile ({@code PUT/PATCH v1/me}): {@code ID}, {@code Active} and
     * {@code Password} keep their stored values; the username must stay unique.
     */
    public User saveSelf(Caller caller, User u) {
        if (caller.anonymous()) {
            // an anonymous shopper acts through the client's context user, which it must never edit
            throw Errors.forbidden("An anonymous shopper has no profile to change; register first");
        }
        User old = t(Tables.USERS).find(Table.key(caller.companyID(), caller.userID()))
                .orElseThrow(() -> Errors.notFound("User", caller.userID()));
        if (u.username() == null || u.username().isBlank()) {
            throw Errors.required("Username");
        }
        User stored = u.toBuilder().id(old.id()).companyID(old.companyID()).password(old.password()).active(old.active())
                .dateCreated(old.dateCreated()).passwordLastSetDate(old.passwordLastSetDate())
                .failedLoginAttempts(old.failedLoginAttempts()).build();
        t(Tables.USERS).put(Table.key(old.companyID(), old.id()), stored);
        return redact(stored);
    }

    public List<UserGroup> listUserGroups(Caller caller, String companyID) {
        requireCompany(caller, companyID);
        return t(Tables.USER_GROUPS).listWithPrefix(companyID + "/");
    }

    public void assignUserToGroup(Caller caller, String companyID, UserGroupAssignment a) {
        requireAdminOf(caller, companyID);
        t(Tables.USER_GROUPS).find(Table.key(companyID, a.userGroupID())).orElseThrow(() -> Errors.notFound("UserGroup", a.userGroupID()));
        t(Tables.USERS).find(Table.key(companyID, a.userID())).orElseThrow(() -> Errors.notFound("User", a.userID()));
        t(Tables.USER_GROUP_ASSIGNMENTS).put(Table.key(companyID, a.userGroupID(), a.userID()), a);
    }

    public void unassignUserFromGroup(Caller caller, String companyID, String groupID, String userID) {
        requireAdminOf(caller, companyID);
        if (t(Tables.USER_GROUP_ASSIGNMENTS).delete(Table.key(companyID, groupID, userID))) {
            // roles granted through the group are gone: the user's tokens carry them
            new TokenVersions(ctx.store()).bump(companyID, userID);
        }
    }

    public List<UserGroupAssignment> listGroupAssignments(Caller caller, String companyID) {
        requireCompany(caller, companyID);
        return t(Tables.USER_GROUP_ASSIGNMENTS).listWithPrefix(companyID + "/");
    }

    static User redact(User u) {
        return u.password() == null ? u : u.toBuilder().password(null).build();
    }

    /** Reads of a company's data: the seller, or a member of that company. Others get 404; a group-order contributor 403. */
    public static void requireCompany(Caller caller, String companyID) {
        io.orderhooks.engine.internal.grouporders.Contributors.refuse(caller, "read company data");
        if (!caller.isSeller() && !caller.companyID().equals(companyID)) {
            throw Errors.notFound("Company", companyID);
        }
    }

    /** Writes to a company's people: the seller, or an admin of that same company. */
    private static void requireAdminOf(Caller caller, String companyID) {
        requireCompany(caller, companyID);
        if (!caller.isSeller() && !caller.hasRole(caller.isBuyer() ? "BuyerUserAdmin" : "SupplierUserAdmin")) {
            throw Errors.forbidden("only the marketplace owner or a user admin of " + companyID + " may do this");
        }
    }

    private void requireCompanyExists(String companyID) {
        if (!companyID.equals(ctx.config().sellerOrgID()) && t(Tables.BUYERS).find(companyID).isEmpty() && t(Tables.SUPPLIERS).find(companyID).isEmpty()) {
            throw Errors.notFound("Company", companyID);
        }
    }

    private String idOr(String id) {
        return id == null || id.isBlank() ? ctx.ids().next() : id;
    }
}
