-- The logging context (MDC as a JSON object: trace, LogID) of the request that queued a delivery, restored
-- while its handler runs on whichever instance claims it. Null for deliveries queued before this column.
ALTER TABLE post_queue ADD COLUMN context text;
