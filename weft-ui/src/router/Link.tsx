import type { ComponentChildren } from 'preact';
import { navigate } from './router';

interface Props {
  href: string;
  children: ComponentChildren;
  class?: string;
  title?: string;
  'data-testid'?: string;
}

/** An anchor that navigates without reloading (a modified click still opens a new tab). */
export function Link(props: Props) {
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(props.href);
  };
  return (
    <a href={props.href} class={props.class} title={props.title} data-testid={props['data-testid']} onClick={onClick}>
      {props.children}
    </a>
  );
}
