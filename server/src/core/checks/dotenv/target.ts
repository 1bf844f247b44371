import type { DotenvFile } from '../../compose/dotenv';

export interface DotenvTarget {
  file: string;
  text: string;
  parsed: DotenvFile;
}
