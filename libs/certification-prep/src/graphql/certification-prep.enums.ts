import { registerEnumType } from '@nestjs/graphql';
import { MockExamGradedBy, MockExamStatus } from '../entities/mock-exam.entity.js';
import { PracticeMode } from '../entities/practice-session.entity.js';
import { Confidence } from '../reviews/review-schedule.js';

registerEnumType(MockExamStatus, {
  name: 'MockExamStatus',
  description: 'Whether a mock exam is still open or graded.',
  valuesMap: {
    IN_PROGRESS: { description: 'Open: answers are accepted until the deadline.' },
    GRADED: { description: 'Graded, once; the result is final.' },
  },
});

registerEnumType(MockExamGradedBy, {
  name: 'MockExamGradedBy',
  description: 'What graded a mock exam.',
  valuesMap: {
    SUBMISSION: { description: "The learner's submission." },
    DEADLINE: { description: 'The time ran out; graded on the answers saved in time.' },
  },
});

registerEnumType(PracticeMode, {
  name: 'PracticeMode',
  description: 'What a practice session draws.',
  valuesMap: {
    ADAPTIVE: {
      description: "Weak domains first, with questions near the learner's level in each.",
    },
    REVIEW: { description: 'The questions due for review today (spaced repetition).' },
  },
});

registerEnumType(Confidence, {
  name: 'AnswerConfidence',
  description:
    'How sure the learner was of an answer: a right answer given with LOW confidence is still scheduled for review.',
  valuesMap: {
    LOW: { description: 'Unsure, or guessed: reviewed even when right.' },
    MEDIUM: { description: 'Fairly sure.' },
    HIGH: { description: 'Sure.' },
  },
});
