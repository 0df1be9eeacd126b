export { listClientRelationships, listNotifications, listOwnWorkers, markClientNotificationsRead, relationshipsOf, startRelationship, updateRelationship } from './relationships.service.js';
export { insertNotification, insertRelationship, setHoldsCoordination } from './relationships.repository.js';
export { notificationMessage, byCoordinationFirst, GUIDANCE_LEVELS, type GuidanceLevel } from './relationships.rules.js';
export type { NotificationKind, NotificationPayload, ClientNotificationTable } from './relationships.tables.js';
