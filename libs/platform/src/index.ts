export { platformSchema } from './platform-schema.js';
export { openPlatformDataSource, prepareDatabase } from './prepare-database.js';
