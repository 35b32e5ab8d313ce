// src/app/onDemand.tsx: a part loads on first render (the fallback meanwhile), renders at once
// after, and a chunk that cannot be loaded is said in the user's words, not a blank tab.
import { act, render, screen } from '@testing-library/react';
import { Component, type ReactNode } from 'react';
import { isChunkLoadError, Loadable, onDemand } from '../../../../src/app/onDemand';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const Hello = ({ who }: { who: string }) => <p>Hello {who}</p>;

function chunkError(): Error {
  return Object.assign(new Error('Loading chunk 7 failed. (missing: /x/start.1234.js)'), {
    name: 'ChunkLoadError',
  });
}

test('shows the fallback while the chunk loads, then the part; later renders need no load', async () => {
  const d = deferred<typeof Hello>();
  const load = jest.fn(() => d.promise);
  const Part = onDemand('Hello', load);
  const ui = (who: string) => (
    <Loadable loading={<p>Loading…</p>} failed={(m) => <p>Failed: {m}</p>}>
      <Part who={who} />
    </Loadable>
  );
  const { unmount } = render(ui('a'));
  expect(screen.getByText('Loading…')).toBeInTheDocument();
  await act(() => {
    d.resolve(Hello);
    return d.promise;
  });
  expect(screen.getByText('Hello a')).toBeInTheDocument();
  unmount();
  const { rerender } = render(ui('b'));
  // synchronous now: no fallback, no second load
  expect(screen.getByText('Hello b')).toBeInTheDocument();
  rerender(ui('c'));
  expect(screen.getByText('Hello c')).toBeInTheDocument();
  expect(load).toHaveBeenCalledTimes(1);
});

test('a chunk that cannot be loaded shows what failed; the next opening tries again', async () => {
  let online = false;
  const load = jest.fn(() => (online ? Promise.resolve(Hello) : Promise.reject(chunkError())));
  const Part = onDemand('Hello', load);
  const ui = (
    <Loadable loading={<p>Loading…</p>} failed={(m) => <p>Failed: {m}</p>}>
      <Part who="x" />
    </Loadable>
  );
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const first = render(ui);
  expect(await screen.findByText(/^Failed: Loading chunk 7 failed/)).toBeInTheDocument();
  first.unmount();
  online = true;
  render(ui);
  expect(await screen.findByText('Hello x')).toBeInTheDocument();
  errors.mockRestore();
});

class Outer extends Component<{ children: ReactNode }, { error: string | null }> {
  override state = { error: null as string | null };
  static getDerivedStateFromError(e: Error) {
    return { error: e.message };
  }
  override render() {
    return this.state.error ? <p>Outer caught: {this.state.error}</p> : this.props.children;
  }
}

test('a bug in the part is not called a loading failure: it goes to the boundary above', async () => {
  const Broken = (): ReactNode => {
    throw new Error('boom');
  };
  const Part = onDemand('Broken', () => Promise.resolve(Broken));
  await Part.preload();
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  render(
    <Outer>
      <Loadable loading={null} failed={(m) => <p>Failed: {m}</p>}>
        <Part />
      </Loadable>
    </Outer>,
  );
  expect(screen.getByText('Outer caught: boom')).toBeInTheDocument();
  expect(screen.queryByText(/^Failed/)).toBeNull();
  errors.mockRestore();
});

test('chunk errors are those of webpack (script) and mini-css-extract-plugin (stylesheet)', () => {
  expect(isChunkLoadError(chunkError())).toBe(true);
  expect(isChunkLoadError(Object.assign(new Error('css'), { code: 'CSS_CHUNK_LOAD_FAILED' }))).toBe(
    true,
  );
  expect(isChunkLoadError(new Error('boom'))).toBe(false);
  expect(isChunkLoadError('Loading chunk 1 failed')).toBe(false);
});
