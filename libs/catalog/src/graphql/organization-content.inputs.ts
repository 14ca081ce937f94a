import { Field, InputType, ObjectType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';

@InputType('CourseFileInput', { description: 'One file of a course in the curriculum format.' })
export class CourseFileInput {
  @Field({ description: 'The lesson or module slug (the file name without extension).' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @Field({
    description: 'The file text: Markdown with YAML front matter for a lesson, YAML for a quiz.',
  })
  @IsString()
  @MaxLength(200_000)
  text!: string;
}

@InputType('OrganizationCourseInput', {
  description:
    'An organization’s own course, in the same format as the shipped curriculum (see curriculum/FORMAT.md).',
})
export class OrganizationCourseInput {
  @Field()
  @IsString()
  @Length(1, 100)
  slug!: string;

  @Field({ description: 'The text of course.yaml.' })
  @IsString()
  @MaxLength(100_000)
  course!: string;

  @Field(() => [CourseFileInput])
  @ValidateNested({ each: true })
  @Type(() => CourseFileInput)
  @ArrayMaxSize(100)
  lessons!: CourseFileInput[];

  @Field(() => [CourseFileInput], { description: 'One quiz per module, named after the module.' })
  @ValidateNested({ each: true })
  @Type(() => CourseFileInput)
  @ArrayMaxSize(50)
  quizzes!: CourseFileInput[];
}

@ObjectType('CatalogChange', { description: 'What a catalog write did to one kind of item.' })
export class CatalogChange {
  @Field({ description: 'track, course, lesson, quiz, question, bank or drill.' })
  kind!: string;

  @Field(() => Int)
  added!: number;

  @Field(() => Int)
  changed!: number;

  @Field(() => Int)
  retired!: number;

  @Field(() => Int)
  unchanged!: number;
}
