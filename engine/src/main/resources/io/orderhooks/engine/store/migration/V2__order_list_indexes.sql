-- orderhooks engine schema, version 2: indexes for order lists pushed down to SQL (docs/DURABILITY.md, "Queries").
-- A company's orders filtered by status and sorted newest-submitted first (the usual order list) are read in index
-- order and stop at the page; the same prefix counts the matches. DESC NULLS LAST is the order the list query asks
-- for (absent values last in both directions). Works unchanged on H2 2.x and PostgreSQL 12+.

CREATE INDEX orders_by_to_company_status_submitted ON orders (to_company, status, date_submitted DESC NULLS LAST);
CREATE INDEX orders_by_from_company_status_submitted ON orders (from_company, status, date_submitted DESC NULLS LAST);
