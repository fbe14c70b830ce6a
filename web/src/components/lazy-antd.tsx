import type { DatePicker as AntDatePickerType, DrawerProps, DropdownProps, ResultProps } from "antd";
import type { Dayjs } from "dayjs";
import { type ComponentProps, lazy, Suspense } from "react";

// Ant Design parts that most first loads never show (an error page, a refusal, the phone's menu
// drawer) load when first shown: the application shell stays light on a weak connection.
const AntResult = lazy(() => import("antd/es/result"));
const AntDrawer = lazy(() => import("antd/es/drawer"));
const AntDropdown = lazy(() => import("antd/es/dropdown"));
const AntDatePicker = lazy(() => import("antd/es/date-picker"));

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

/**
 * The date picker (a fifth of the report form's code) loads when a date is first asked for: a
 * report's completion day shows only at 100 %, a date question only in some requests. Until its code
 * is in, the field shows its value, read-only.
 */
type DateFieldProps = Omit<
  ComponentProps<typeof AntDatePickerType>,
  "value" | "onChange" | "disabledDate"
> & {
  value: Dayjs | null;
  onChange: (date: Dayjs | null) => void;
  disabledDate?: (date: Dayjs) => boolean;
};

export function DatePicker(props: DateFieldProps) {
  const shown = props.value ? props.value.format("DD/MM/YYYY") : "";
  return (
    <Suspense
      fallback={
        <input
          className="ant-input ant-input-outlined"
          id={props.id}
          value={shown}
          readOnly
          disabled
          style={props.style}
          aria-busy="true"
        />
      }
    >
      <AntDatePicker {...(props as ComponentProps<typeof AntDatePickerType>)} />
    </Suspense>
  );
}
