/** package.json's version: the build writes it in place of this placeholder (sent in the hello). */
export const version: string = "@VERSION@";
