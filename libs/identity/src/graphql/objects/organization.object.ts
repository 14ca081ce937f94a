import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('OrganizationSettings', { description: 'Settings the organization’s admins control.' })
export class OrganizationSettings {
  @Field({
    description: 'Admins and managers must enrol a second factor before using the platform.',
  })
  requireMfaForPrivilegedRoles!: boolean;
}

@ObjectType('Organization', { description: 'The caller’s organization.' })
export class Organization {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'Used to name the organization at sign-in.' })
  slug!: string;

  @Field({ description: 'Default IANA time zone for people who set none.' })
  timezone!: string;

  @Field({ description: 'Default language for people who set none.' })
  locale!: string;

  @Field(() => OrganizationSettings)
  settings!: OrganizationSettings;
}
