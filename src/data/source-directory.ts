import { parseSourcesFile } from '../lib/sources.ts';
import sourcesText from '../../content/sources.yaml?raw';

// Problems are not thrown here, where Astro would bury them under its own error and a stack
// trace: the report loader lists them with every other content problem.
const sourcesFile = parseSourcesFile(sourcesText, 'content/sources.yaml');

/** The valid agencies of content/sources.yaml, read once per build. */
export const sourceDirectory = sourcesFile.directory;

/** What is wrong in content/sources.yaml; the build stops on any of these. */
export const sourcesProblems = sourcesFile.problems;
