import type { DrawerProps, ResultProps } from "antd";
import { lazy, Suspense } from "react";

// Ant Design parts that most first loads never show (an error page, a refusal, the phone's menu
// drawer) load when first shown: the application shell stays light on a weak connection.
const AntResult = lazy(() => import("antd/es/result"));
const AntDrawer = lazy(() => import("antd/es/drawer"));

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
