import { measure, type Command, type Sample } from './measure.js';

/** A command run in the rotation, with what to do before each run of it (a fresh cache, an emptied output folder). */
export interface Contender {
  readonly name: string;
  readonly command: () => Command;
  readonly before?: () => Promise<void>;
}

/**
 * Runs the contenders in turn — A B C, A B C, … — after `warmup` uncounted rounds, so that a
 * machine busier in one minute than the next weighs on every contender alike, and the ratio of
 * each round (A/B, A/C) compares runs made side by side.
 */
export async function rotate(contenders: readonly Contender[], rounds: number, warmup: number, log: (line: string) => void): Promise<Sample[][]> {
  const samples = contenders.map((): Sample[] => []);
  for (let round = 0; round < warmup + rounds; round++) {
    const figures: string[] = [];
    for (const [index, contender] of contenders.entries()) {
      await contender.before?.();
      const sample = await measure(contender.command());
      if (round >= warmup) samples[index]?.push(sample);
      figures.push(`${contender.name} ${sample.seconds.toFixed(2)} s`);
    }
    log(`  ${round < warmup ? 'warm-up' : `round ${round - warmup + 1}/${rounds}`}: ${figures.join(', ')}`);
  }
  return samples;
}
