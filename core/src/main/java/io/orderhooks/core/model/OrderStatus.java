package io.orderhooks.core.model;

/** The statuses an order moves through, spelled as on the wire. */
public enum OrderStatus {
    Unsubmitted,
    AwaitingApproval,
    Declined,
    Open,
    Completed,
    Canceled
}
