export { designSyncRegistryRouter } from './registry.handlers';
export { designSyncRouter } from './sync.handlers';
export { designSyncCredentialsRouter } from './credentials/credentials.handlers';
export { designSyncNotificationsRouter } from './notifications/notifications.handlers';
export { designSyncBrowserRouter } from './browser/browser.handlers';
export { designSyncScheduleRouter } from './schedule/schedule.handlers';
