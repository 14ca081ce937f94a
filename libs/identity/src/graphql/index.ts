export { Public, RequirePermission, CurrentActor, Meta } from './access.decorators.js';
export { IdentityGraphqlModule } from './identity-graphql.module.js';
