import { Field, Float, ObjectType } from '@nestjs/graphql';

@ObjectType('ServerInfo', { description: 'What is running: useful to check a deployment.' })
export class ServerInfo {
  @Field({ description: 'The platform version (package.json).' })
  version!: string;

  @Field({ description: 'The source commit the running build was made from, or "unknown".' })
  commit!: string;

  @Field(() => Float, { description: 'Seconds since this API process started.' })
  uptimeSeconds!: number;
}
