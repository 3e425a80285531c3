/** Histogram buckets in seconds: HTTP requests and database work (milliseconds to a few seconds). */
export const FAST_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Histogram buckets in seconds for a change's trip across the system, which an outage stretches to minutes. */
export const TRIP_SECONDS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900];
