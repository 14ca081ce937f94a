import { DeliveryEntity } from './delivery.entity.js';
import { EmailBounceEntity } from './email-bounce.entity.js';
import { NotificationPreferenceEntity } from './notification-preference.entity.js';
import { NotificationEntity } from './notification.entity.js';
import { ReminderPolicyEntity } from './reminder-policy.entity.js';
import { ReminderEntity } from './reminder.entity.js';
import { WebhookEndpointEntity } from './webhook-endpoint.entity.js';

export const notificationsEntities = [
  ReminderPolicyEntity,
  ReminderEntity,
  NotificationEntity,
  DeliveryEntity,
  NotificationPreferenceEntity,
  EmailBounceEntity,
  WebhookEndpointEntity,
];
