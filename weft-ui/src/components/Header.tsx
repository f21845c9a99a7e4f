import { Link } from '../router/Link';
import { location, navigate } from '../router/router';
import { paths } from '../router/routes';
import { ThemeToggle } from '../theme/ThemeToggle';
import { logout } from '../api/auth';

const NAV: [string, string][] = [
  ['Workflows', paths.workflows()],
  ['Templates', paths.templates()],
  ['Cluster templates', paths.clusterTemplates()],
  ['Crons', paths.crons()],
  ['Events', paths.events()],
  ['Submit', paths.submit()],
];

export function Header() {
  const path = location.value.path;
  const onLogout = async () => {
    await logout();
    navigate(paths.login());
  };
  return (
    <header class="header">
      <Link href={paths.workflows()} class="brand">
        Weft
      </Link>
      <nav>
        {NAV.map(([label, href]) => (
          <Link key={href} href={href} class={path === href || path.startsWith(href + '/') ? 'active' : ''} data-testid={'nav-' + label.toLowerCase().replace(' ', '-')}>
            {label}
          </Link>
        ))}
      </nav>
      <span class="spacer" />
      <ThemeToggle />
      <button class="ghost" data-testid="logout" onClick={onLogout}>
        Log out
      </button>
    </header>
  );
}
