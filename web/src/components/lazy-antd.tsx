import type { DrawerProps, DropdownProps, ResultProps } from "antd";
import { lazy, Suspense } from "react";

// Ant Design parts that most first loads never show (an error page, a refusal, the phone's menu
// drawer) load when first shown: the application shell stays light on a weak connection.
const AntResult = lazy(() => import("antd/es/result"));
const AntDrawer = lazy(() => import("antd/es/drawer"));
const AntDropdown = lazy(() => import("antd/es/dropdown"));

export function Result(props: ResultProps) {
  return (
    <Suspense fallback={null}>
      <AntResult {...props} />
    </Suspense>
  );
}

export function Drawer(props: DrawerProps) {
  return (
    <Suspense fallback={null}>
      <AntDrawer {...props} />
    </Suspense>
  );
}

/**
 * The header's menus (the account, the language): the button shows at once, its menu once the
 * dropdown's code is in (it loads while the page draws, long before anyone taps).
 */
export function Dropdown(props: DropdownProps) {
  return (
    <Suspense fallback={props.children}>
      <AntDropdown {...props} />
    </Suspense>
  );
}
