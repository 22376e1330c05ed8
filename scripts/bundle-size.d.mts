import type { Metafile } from 'esbuild';
export declare function measureBundle(entries: string[]): Promise<{
  initial: number;
  all: number;
  allButRanks: number;
  rankInInitial: boolean;
  initialChunks: number;
  chunks: number;
  metafile: Metafile;
}>;
export declare function measureShipped(dist?: string): { allButRanks: number; files: number };
