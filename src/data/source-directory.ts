import { ContentProblemsError } from '../lib/problems.ts';
import { parseSourcesFile } from '../lib/sources.ts';
import sourcesText from '../../content/sources.yaml?raw';

const sourcesFile = parseSourcesFile(sourcesText, 'content/sources.yaml');
if (sourcesFile.problems.length > 0) throw new ContentProblemsError(sourcesFile.problems);

/** The agencies of content/sources.yaml, validated once per build. */
export const sourceDirectory = sourcesFile.directory;
