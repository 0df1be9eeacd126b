export { myTasks, clientTasks, createTask, completeTask, recordContact, resolveOwner, settingsFor, toTask, requireWorker } from './followup.service.js';
export { myAlerts, todayView, myNotifications, markNotificationsRead, computeAlerts, type Alert } from './followup.alerts.js';
export { getFollowupSettings, saveFollowupSettings } from './followup.settings.js';
export { runReminders, LoggingChannel, type NotificationChannel, type OutgoingNotification } from './followup.reminders.js';
export { insertTask, insertContact, tasksOfMeeting, organizationSectors, usersByIds, type NewTask } from './followup.repository.js';
export * from './followup.rules.js';
export { easterSunday, finnishHolidays, isFinnishHoliday, isWorkingDay, type Holiday, type HolidayKey } from './finnish-holidays.js';
export type * from './followup.tables.js';
