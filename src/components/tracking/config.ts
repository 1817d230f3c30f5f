// Where the site sends statements. Default: Adal's own LRS on the same origin, authorised by
// the learner's session cookie. PUBLIC_LRS_ENDPOINT / PUBLIC_LRS_AUTH (build-time) point the
// site at another LRS; the Basic credential is then visible to every visitor (see README).
export const lrsEndpoint: string = import.meta.env.PUBLIC_LRS_ENDPOINT || "/xapi/";
export const lrsAuth: string | undefined = import.meta.env.PUBLIC_LRS_AUTH || undefined;
export const usesOwnLrs: boolean = lrsEndpoint === "/xapi/";
