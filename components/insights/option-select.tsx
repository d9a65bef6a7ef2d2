import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";

/** One labelled filter of a GET form: "all" first, then the options; a choice submits the form. */
export function OptionSelect({
  id,
  name,
  label,
  all,
  options,
  value,
  onChange,
}: {
  id: string;
  name: string;
  label: string;
  /** the option that means "no filter", or none when one must be chosen */
  all?: string;
  options: Array<{ value: string; label: string }>;
  value: string;
  onChange: () => void;
}) {
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <NativeSelect id={id} name={name} defaultValue={value} onChange={onChange}>
        {all !== undefined && <option value="">{all}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}

export const slugOptions = (items: Array<{ slug: string; name: string }>) => items.map((item) => ({ value: item.slug, label: item.name }));
