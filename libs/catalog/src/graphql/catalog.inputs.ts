import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';

@InputType('CourseFilter', { description: 'Narrow the course list; all given conditions apply.' })
export class CourseFilterInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  audience?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  level?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  tag?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'A framework reference taught by a lesson, e.g. `owasp-llm:LLM01`.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  framework?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Words to find in titles, summaries and lesson bodies.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;
}
