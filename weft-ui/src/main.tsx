import { render } from 'preact';
import { App } from './App';
import './theme/theme';
import './theme/theme.css';
import './styles/app.css';

render(<App />, document.getElementById('app')!);
