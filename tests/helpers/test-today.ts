/** The demo world's "today" in tests, so that dates in demo data are stable. */
export const TEST_TODAY = new Date('2026-11-22T08:00:00Z');
