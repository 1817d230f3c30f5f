// The one place for Adal's xAPI identifiers: activity IRIs, verbs and extensions. The LRS
// policy, reports and the exam service recognise activities by these paths.

export const CLAUSES_EXTENSION = "https://adal.kz/xapi/extensions/clauses";

const base = (origin: string) => `${origin.replace(/\/$/u, "")}/xapi/activities`;

export const activityIds = {
  course: (origin: string) => `${base(origin)}/course/anticorruption-standards`,
  lesson: (origin: string, section: number) => `${base(origin)}/lesson/${section}`,
  practiceQuiz: (origin: string, section: number) => `${base(origin)}/quiz/practice/${section}`,
  quizItem: (origin: string, itemId: string) => `${base(origin)}/quiz-item/${itemId}`,
};

export const ACTIVITY_TYPES = {
  course: "http://adlnet.gov/expapi/activities/course",
  lesson: "http://adlnet.gov/expapi/activities/lesson",
  assessment: "http://adlnet.gov/expapi/activities/assessment",
  interaction: "http://adlnet.gov/expapi/activities/cmi.interaction",
};

const verb = (name: string, kk: string) => ({
  id: `http://adlnet.gov/expapi/verbs/${name}`,
  display: { "en-US": name, "kk-KZ": kk },
});

export const VERBS = {
  experienced: verb("experienced", "танысты"),
  completed: verb("completed", "аяқтады"),
  answered: verb("answered", "жауап берді"),
};

export interface LearnerActor {
  objectType: "Agent";
  account: { homePage: string; name: string };
  name?: string;
}
