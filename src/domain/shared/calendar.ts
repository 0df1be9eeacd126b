/**
 * The calendar date in Finland as `YYYY-MM-DD`. Deadlines, "today" and "overdue" are Finnish
 * dates, not UTC instants: between 21/22 and 24 UTC Finland is already on the next day, and
 * a task due yesterday (Finnish time) is overdue then. The one place this is computed.
 */
const HELSINKI_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' });

export const finnishCalendarDate = (at: Date = new Date()): string => HELSINKI_DATE.format(at);
