import { answerCalls } from "../worker-calls.ts";
import { computeLayout, type LayoutInput } from "./compute-layout.ts";

// Layouts run here, off the API's event loop: a 10 000-node layout takes seconds.
answerCalls((input: LayoutInput) => computeLayout(input));
