import { Field, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { OptionalNoticeKind } from '../preferences/notice-kinds.js';

@InputType({ description: 'The whole reminder policy (see ReminderPolicy for each field).' })
export class ReminderPolicyInput {
  @Field(() => [Int])
  @ArrayMaxSize(5)
  @IsInt({ each: true })
  daysBefore!: number[];

  @Field(() => [Int])
  @ArrayMaxSize(5)
  @IsInt({ each: true })
  daysOverdue!: number[];

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  escalateAfterDays!: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  adminSummaryWeekday!: number | null;

  @Field()
  @IsString()
  @MaxLength(5)
  sendTime!: string;

  @Field()
  @IsString()
  @MaxLength(5)
  quietHoursStart!: string;

  @Field()
  @IsString()
  @MaxLength(5)
  quietHoursEnd!: string;

  @Field(() => [Int])
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @IsInt({ each: true })
  workingDays!: number[];
}

@InputType()
export class NotificationPreferenceInput {
  @Field(() => OptionalNoticeKind)
  @IsEnum(OptionalNoticeKind)
  kind!: OptionalNoticeKind;

  @Field()
  @IsBoolean()
  email!: boolean;

  @Field()
  @IsBoolean()
  inApp!: boolean;
}
