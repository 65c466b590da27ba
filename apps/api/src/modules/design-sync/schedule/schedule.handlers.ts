import { createRouter } from '../../../lib/openapi';
import { principalOf } from '../../../middleware';
import { findSchedule } from './schedule.repo';
import { getScheduleRoute, runScheduleRoute, setScheduleRoute } from './schedule.routes';
import { runProjectSchedule } from './schedule.sweep';
import { scheduleView, setSchedule } from './schedule.service';

/** The nightly schedule of design-sync. */
export const designSyncScheduleRouter = createRouter()
  .openapi(getScheduleRoute, async (c) => c.json(scheduleView(await findSchedule(c.get('db')(), principalOf(c).projectId)), 200))
  .openapi(setScheduleRoute, async (c) => {
    const { projectId, actor } = principalOf(c);
    return c.json(await setSchedule({ db: c.get('db'), projectId, actor, traceId: c.get('traceId'), log: c.get('log') }, c.req.valid('json')), 200);
  })
  .openapi(runScheduleRoute, async (c) => {
    const run = await runProjectSchedule(c.get('config'), c.get('log'), principalOf(c).projectId, 'schedule', new Date());
    return c.json(run!, 200);
  });
