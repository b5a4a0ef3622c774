// Types for the `natural` submodules imported directly (the package root is slow to load and
// prints to stdout, see README); only what this project calls.
declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  const PorterStemmer: { stem(token: string): string };
  export = PorterStemmer;
}
declare module 'natural/lib/natural/distance/jaro-winkler_distance' {
  function JaroWinklerDistance(s1: string, s2: string, options?: { ignoreCase?: boolean }): number;
  export = JaroWinklerDistance;
}
declare module 'natural/lib/natural/distance/levenshtein_distance' {
  function LevenshteinDistance(s1: string, s2: string, options?: object): number;
  export = LevenshteinDistance;
}
