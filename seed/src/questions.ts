/** The evaluation questions of the sample catalog (OCE-style codes, course-schema.md §0). */
import type { SeasonFile } from './season-format.js';

type Question = SeasonFile['evaluation_questions'][number];

const FIVE_LEVELS = ['very low', 'low', 'medium', 'high', 'very high'];
const AGREE = ['strongly disagree', 'disagree', 'neutral', 'agree', 'strongly agree'];

export const QUESTIONS: Question[] = [
  {
    question_code: 'YC401',
    is_narrative: true,
    question_text: 'What knowledge, skills, and insights did you develop by taking this course?',
    options: null,
    tag: 'Skills',
  },
  {
    question_code: 'YC402',
    is_narrative: false,
    question_text: 'What is your overall assessment of this course?',
    options: ['poor', 'fair', 'good', 'very good', 'excellent'],
    tag: 'Overall',
  },
  {
    question_code: 'YC403',
    is_narrative: true,
    question_text: 'What are the strengths and weaknesses of this course and how could it be improved?',
    options: null,
    tag: 'Strengths/weaknesses',
  },
  {
    question_code: 'YC404',
    is_narrative: false,
    question_text: 'How would you rate the workload of this course in comparison to other Yale courses you have taken?',
    options: ['much less', 'less', 'same', 'greater', 'much greater'],
    tag: 'Workload',
  },
  {
    question_code: 'YC405',
    is_narrative: true,
    question_text: 'Would you recommend this course to another student? Please explain.',
    options: null,
    tag: 'Recommend',
  },
  {
    question_code: 'YC406',
    is_narrative: false,
    question_text: 'Your level of engagement with the course was:',
    options: FIVE_LEVELS,
    tag: 'Engagement',
  },
  {
    question_code: 'YC409',
    is_narrative: false,
    question_text: 'The course was well organized to facilitate student learning.',
    options: AGREE,
    tag: 'Organization',
  },
  {
    question_code: 'YC410',
    is_narrative: false,
    question_text: 'I received clear feedback that improved my learning.',
    options: AGREE,
    tag: 'Feedback',
  },
  {
    question_code: 'DR359',
    is_narrative: false,
    question_text: 'How would you rate the intellectual challenge of this course?',
    options: ['none', 'very low', 'low', 'medium', 'high', 'very high'],
    tag: 'Intellectual challenge',
  },
];

export const RATING_QUESTIONS = QUESTIONS.filter((q) => !q.is_narrative);
