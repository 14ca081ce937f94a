import { Inject } from '@nestjs/common';
import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PageArgs, mapConnection, type Connection } from '@academy/common';
import { CurrentActor, Permission, RequirePermission, type Actor } from '@academy/identity';
import { CatalogReader, type CatalogRecord } from '../catalog/catalog-reader.js';
import type {
  CourseFile,
  LessonFrontMatter,
  Question,
  QuizFile,
  TrackFile,
} from '../curriculum/format.js';
import { CatalogLoaders } from './catalog-loaders.js';
import {
  toCourse,
  toLesson,
  toLessonSummary,
  toQuizInfo,
  toReviewQuestion,
  toTrack,
  type CourseView,
} from './catalog-mappers.js';
import { CourseFilterInput } from './catalog.inputs.js';
import {
  Course,
  CourseConnection,
  CourseModule,
  Lesson,
  QuizInfo,
  ReviewQuestion,
  Track,
} from './catalog.objects.js';

type QuizContent = Omit<QuizFile, 'questions'> & { questionIds: string[] };

/** The catalog, for every signed-in person; answer keys only for admins reviewing content. */
@Resolver(() => Course)
export class CatalogResolver {
  constructor(
    @Inject(CatalogReader) private readonly reader: CatalogReader,
    @Inject(CatalogLoaders) private readonly loaders: CatalogLoaders,
  ) {}

  @RequirePermission(Permission.CATALOG_READ)
  @Query(() => [Track], { description: 'Every track, by slug.' })
  async tracks(@CurrentActor() actor: Actor): Promise<Track[]> {
    return (await this.reader.list<TrackFile>(actor.organizationId, 'track')).map(toTrack);
  }

  @RequirePermission(Permission.CATALOG_READ)
  @Query(() => Track)
  async track(@CurrentActor() actor: Actor, @Args('slug') slug: string): Promise<Track> {
    return toTrack(await this.reader.get<TrackFile>(actor.organizationId, 'track', slug));
  }

  @RequirePermission(Permission.CATALOG_READ)
  @Query(() => CourseConnection, {
    description: 'Courses by slug, with filters and full-text search.',
  })
  async courses(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
    @Args('filter', { type: () => CourseFilterInput, nullable: true })
    filter?: CourseFilterInput | null,
  ): Promise<Connection<CourseView>> {
    const connection = await this.reader.courses(
      actor.organizationId,
      filter ?? {},
      page.first,
      page.after,
    );
    return mapConnection(connection, (record) =>
      toCourse(record as CatalogRecord<CourseFile>, actor.organizationId),
    );
  }

  @RequirePermission(Permission.CATALOG_READ)
  @Query(() => Course)
  async course(
    @CurrentActor() actor: Actor,
    @Args('slug') slug: string,
    @Context('req') request: object,
  ): Promise<CourseView> {
    const { course, lessons, quizzes } = await this.reader.courseWithChildren(
      actor.organizationId,
      slug,
    );
    this.loaders.prime(request, actor.organizationId, 'lesson', slug, lessons);
    this.loaders.prime(request, actor.organizationId, 'quiz', slug, quizzes);
    return toCourse(course as CatalogRecord<CourseFile>, actor.organizationId);
  }

  @ResolveField(() => [CourseModule], {
    description: 'The modules in order, each with its lessons and quiz.',
  })
  async modules(
    @Parent() course: CourseView,
    @Context('req') request: object,
  ): Promise<CourseModule[]> {
    const [lessons, quizzes] = await Promise.all([
      this.loaders.childrenOf(request, course.organizationId, 'lesson', course.slug),
      this.loaders.childrenOf(request, course.organizationId, 'quiz', course.slug),
    ]);
    const lessonBySlug = new Map(
      lessons.map((lesson) => [lesson.slug, lesson as CatalogRecord<LessonFrontMatter>]),
    );
    return course.modules.map((module) => {
      const quiz = quizzes.find((candidate) => candidate.slug === module.slug);
      return {
        slug: module.slug,
        title: module.title,
        lessons: module.lessons.flatMap((slug) => {
          const lesson = lessonBySlug.get(slug);
          return lesson ? [toLessonSummary(lesson)] : [];
        }),
        quiz: quiz ? toQuizInfo(quiz as CatalogRecord<QuizContent>) : null,
      };
    });
  }

  @RequirePermission(Permission.CATALOG_READ)
  @Query(() => Lesson, { description: 'A lesson with its Markdown and sanitized HTML body.' })
  async lesson(@CurrentActor() actor: Actor, @Args('slug') slug: string): Promise<Lesson> {
    return toLesson(
      await this.reader.get<LessonFrontMatter>(actor.organizationId, 'lesson', slug, true),
    );
  }

  @RequirePermission(Permission.CATALOG_READ)
  @Query(() => QuizInfo, { description: 'The rules of a module quiz (its slug is the module’s).' })
  async quiz(@CurrentActor() actor: Actor, @Args('slug') slug: string): Promise<QuizInfo> {
    return toQuizInfo(await this.reader.get<QuizContent>(actor.organizationId, 'quiz', slug));
  }

  @RequirePermission(Permission.CATALOG_REVIEW)
  @Query(() => [ReviewQuestion], {
    description: 'For admins reviewing content: a quiz’s pool with answer keys.',
  })
  async quizQuestions(
    @CurrentActor() actor: Actor,
    @Args('slug') slug: string,
  ): Promise<ReviewQuestion[]> {
    const quiz = await this.reader.get<QuizContent>(actor.organizationId, 'quiz', slug);
    const questions = await this.reader.bySlugs<Question>(
      actor.organizationId,
      'question',
      quiz.content.questionIds,
    );
    return questions.map(toReviewQuestion);
  }

  @RequirePermission(Permission.CATALOG_REVIEW)
  @Query(() => [ReviewQuestion], {
    description: 'For admins reviewing content: a bank domain’s questions with answer keys.',
  })
  async bankQuestions(
    @CurrentActor() actor: Actor,
    @Args('bank') bank: string,
    @Args('domain') domain: string,
  ): Promise<ReviewQuestion[]> {
    const questions = await this.reader.byParents<Question>(actor.organizationId, 'question', [
      `${bank}/${domain}`,
    ]);
    return questions.map(toReviewQuestion);
  }
}
