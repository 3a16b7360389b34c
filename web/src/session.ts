import { createContext, useContext } from "react";
import type { User, Year } from "../../src/core/api/index.ts";

export interface Session {
  user: User | null;
  years: Year[];
  refreshYears: () => void;
  setUser: (u: User | null) => void;
}
export const SessionContext = createContext<Session>({
  user: null,
  years: [],
  refreshYears: () => {},
  setUser: () => {},
});
export const useSession = () => useContext(SessionContext);
