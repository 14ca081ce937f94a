export { domainCounts } from './blueprints/blueprint.js';
