export default function Home() {
  return <main className="p-8 text-lg">Logbook</main>;
}
