/**
 * Renders a shared answer once. The assistant's answer cache hands out the same frozen answer for
 * a repeated question; rendering is pure, so a renderer's result for such an answer can be reused.
 * Results are kept in a WeakMap (they go when the engine drops the answer); answers that are not
 * frozen (built fresh, possibly mutated later) are rendered every time. Callers must not mutate
 * a result they receive.
 */
import type { Answer, Render } from './answer';

export function memoizeRender<T>(render: Render<T>): Render<T> {
  const results = new WeakMap<Answer, T>();
  return (answer) => {
    if (!Object.isFrozen(answer)) return render(answer);
    let result = results.get(answer);
    if (result === undefined) {
      result = render(answer);
      results.set(answer, result);
    }
    return result;
  };
}
