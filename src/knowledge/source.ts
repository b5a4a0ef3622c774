/** Where a statement of the knowledge base comes from: the knowledge file and the `##` question it sits under. */
export interface Source {
  /** File name relative to the knowledge directory, e.g. `aws-qa.md`. */
  file: string;
  /** The section heading (the Q&A question), e.g. `What are the Application Server Options for AWS?`. */
  section: string;
  /** 1-based line of the section heading in the file. */
  line: number;
  /** When a person last checked the file (its front matter's `reviewed`, `YYYY-MM-DD`); absent when never. */
  reviewed?: string;
  /** Who answers for the file (its front matter's `owner`); absent when none is named. */
  owner?: string;
}
