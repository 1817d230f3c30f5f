/** Statements taken from (or modelled closely on) the xAPI specification's examples. */

export const simplest = {
  id: "fd41c918-b88b-4b20-a0a5-a4c32391aaa0",
  timestamp: "2015-11-18T12:17:00+00:00",
  actor: { objectType: "Agent", name: "Project Tin Can API", mbox: "mailto:user@example.com" },
  verb: { id: "http://example.com/xapi/verbs#sent-a-statement", display: { "en-US": "sent" } },
  object: {
    id: "http://example.com/xapi/activity/simplestatement",
    definition: {
      name: { "en-US": "simple statement" },
      description: { "en-US": "A simple Experience API statement." },
    },
  },
};

export const completed = {
  id: "7ccd3322-e1a5-411a-a67d-6a735c76f119",
  timestamp: "2015-12-18T12:17:00+00:00",
  actor: {
    objectType: "Agent",
    name: "Example Learner",
    mbox: "mailto:example.learner@adlnet.gov",
  },
  verb: { id: "http://adlnet.gov/expapi/verbs/attempted", display: { "en-US": "attempted" } },
  object: {
    id: "http://example.adlnet.gov/xapi/example/simpleCBT",
    definition: {
      name: { "en-US": "simple CBT course" },
      description: { "en-US": "A fictitious example CBT course." },
    },
  },
  result: {
    score: { scaled: 0.95, raw: 95, min: 0, max: 100 },
    success: true,
    completion: true,
    response: "Wow, nice work!",
    duration: "PT1234S",
    extensions: { "http://example.com/profiles/meetings/resultextensions/minuteslocation": "X:\\" },
  },
  context: {
    registration: "ec531277-b57b-4c15-8d91-d292c5b2b8f7",
    instructor: { name: "Irene Instructor", mbox: "mailto:irene@example.com" },
    team: {
      objectType: "Group",
      name: "Team PB",
      mbox: "mailto:teampb@example.com",
      member: [
        {
          name: "Andrew Downes",
          account: { homePage: "http://www.example.com", name: "13936749" },
        },
      ],
    },
    contextActivities: {
      parent: [{ id: "http://www.example.com/meetings/series/267", objectType: "Activity" }],
      category: [
        {
          id: "http://www.example.com/meetings/categories/teammeeting",
          objectType: "Activity",
          definition: {
            name: { en: "team meeting" },
            type: "http://example.com/expapi/activities/meetingcategory",
          },
        },
      ],
      other: [{ id: "http://www.example.com/meetings/occurances/34257", objectType: "Activity" }],
    },
    revision: "1",
    platform: "Example virtual meeting software",
    language: "tlh",
    statement: { objectType: "StatementRef", id: "6690e6c9-3ef0-4ed3-8b37-7f3964730bee" },
    extensions: { "http://example.com/profiles/meetings/contextextensions/topic": "Naming" },
  },
};

export const choiceInteraction = {
  actor: { mbox: "mailto:learner@example.kz" },
  verb: { id: "http://adlnet.gov/expapi/verbs/answered", display: { "kk-KZ": "жауап берді" } },
  object: {
    id: "http://adlnet.gov/expapi/activities/example",
    definition: {
      description: { "en-US": "Which of these prototypes are available at the beta site?" },
      type: "http://adlnet.gov/expapi/activities/cmi.interaction",
      interactionType: "choice",
      correctResponsesPattern: ["golf[,]tetris"],
      choices: [
        { id: "golf", description: { "en-US": "Golf Example" } },
        { id: "facebook", description: { "en-US": "Facebook App" } },
        { id: "tetris", description: { "en-US": "Tetris Example" } },
        { id: "scrabble", description: { "en-US": "Scrabble Example" } },
      ],
    },
  },
  result: { response: "golf[,]tetris", success: true },
};

export const subStatementExample = {
  actor: { objectType: "Agent", mbox: "mailto:test@example.com" },
  verb: { id: "http://example.com/planned", display: { "en-US": "planned" } },
  object: {
    objectType: "SubStatement",
    actor: { objectType: "Agent", mbox: "mailto:test@example.com" },
    verb: { id: "http://example.com/visited", display: { "en-US": "will visit" } },
    object: {
      id: "http://example.com/website",
      definition: { name: { "en-US": "Some Awesome Website" } },
    },
  },
};

export const voiding = {
  actor: { objectType: "Agent", name: "Example Admin", mbox: "mailto:admin@example.adlnet.gov" },
  verb: { id: "http://adlnet.gov/expapi/verbs/voided", display: { "en-US": "voided" } },
  object: { objectType: "StatementRef", id: "e05aa883-acaf-40ad-bf54-02c8ce485fb0" },
};

export const withAttachment = {
  actor: { mbox: "mailto:sample.agent@example.com", name: "Sample Agent", objectType: "Agent" },
  verb: { id: "http://adlnet.gov/expapi/verbs/answered", display: { "en-US": "answered" } },
  object: { id: "http://www.example.com/tincan/activities/multipart", objectType: "Activity" },
  attachments: [
    {
      usageType: "http://example.com/attachment-usage/test",
      display: { "en-US": "A test attachment" },
      description: { "en-US": "A test attachment (description)" },
      contentType: "text/plain; charset=ascii",
      length: 27,
      sha2: "495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a",
    },
  ],
};

export function clone<T>(value: T): T {
  return structuredClone(value);
}
