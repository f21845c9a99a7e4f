import { render } from 'preact';
import { signal } from '@preact/signals';

const count = signal(0);

function App() {
  return <button onClick={() => count.value++}>Weft {count}</button>;
}

render(<App />, document.getElementById('app')!);
