export { notificationsEntities } from './entities/index.js';
export { NotificationsGraphqlModule } from './graphql/notifications-graphql.module.js';
export { NotificationsJobsModule } from './jobs/notifications-jobs.module.js';
export { NotificationsModule } from './notifications.module.js';
export {
  DELIVERY_CHANNELS,
  countDeliveriesSince,
  type DeliveryCount,
} from './delivery/recent-deliveries.js';
export { PracticeReviews } from './reminders/practice-reviews.js';
export { ReminderPlanner } from './reminders/reminder-planner.js';
