import { Global, Module, type DynamicModule } from '@nestjs/common';

/**
 * The current time, for code whose behaviour depends on the calendar (reminder schedules, quiet
 * hours): injecting it lets a test run days of schedule in seconds.
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** Provides the {@link Clock} to every module: the system clock unless a test passes its own. */
@Global()
@Module({})
export class ClockModule {
  static forRoot(clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: ClockModule,
      providers: [{ provide: Clock, useValue: clock }],
      exports: [Clock],
    };
  }
}
