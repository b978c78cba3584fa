import { forwardRef, type AnchorHTMLAttributes } from 'react';
import { Link } from 'react-router';

/** Lets design-system components that render `href` links navigate in the app. */
export const RouterLink = forwardRef<HTMLAnchorElement, AnchorHTMLAttributes<HTMLAnchorElement>>(
  function RouterLink({ href = '', ...rest }, ref) {
    return <Link ref={ref} to={href} {...rest} />;
  },
);
