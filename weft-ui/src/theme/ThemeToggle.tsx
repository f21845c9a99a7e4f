import { theme, toggleTheme } from './theme';

export function ThemeToggle() {
  const dark = theme.value === 'dark';
  return (
    <button class="ghost" data-testid="theme-toggle" title={dark ? 'Light theme' : 'Dark theme'} onClick={toggleTheme}>
      {dark ? '☀' : '☾'}
    </button>
  );
}
