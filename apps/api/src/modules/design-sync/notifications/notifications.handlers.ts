import { createRouter } from '../../../lib/openapi';
import { principalOf } from '../../../middleware';
import { eventsPage, saveSettings, settingsView } from './notifications.service';
import { getSettingsRoute, listEventsRoute, putSettingsRoute } from './notifications.routes';

/** Notification settings and events of design-sync. */
export const designSyncNotificationsRouter = createRouter()
  .openapi(getSettingsRoute, async (c) => c.json(await settingsView(c.get('db')(), principalOf(c).projectId), 200))
  .openapi(putSettingsRoute, async (c) => {
    const { projectId, actor } = principalOf(c);
    return c.json(await saveSettings({ db: c.get('db'), projectId, actor, traceId: c.get('traceId'), log: c.get('log') }, c.req.valid('json')), 200);
  })
  .openapi(listEventsRoute, async (c) => {
    const q = c.req.valid('query');
    return c.json(await eventsPage(c.get('db')(), principalOf(c).projectId, q.status, q.limit), 200);
  });
