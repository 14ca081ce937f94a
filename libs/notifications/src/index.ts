export { notificationsEntities } from './entities/index.js';
export { NotificationsGraphqlModule } from './graphql/notifications-graphql.module.js';
export { NotificationsJobsModule } from './jobs/notifications-jobs.module.js';
export { NotificationsModule } from './notifications.module.js';
