/**
 * Hull, Options, Futures and Other Derivatives, Table 3.3 (jet-fuel cross hedge): 15 monthly changes in the
 * heating-oil futures price (ΔF) and the jet-fuel spot price (ΔS), $ per gallon. The hedge-ratio test checks
 * these reproduce Hull's printed σF = 0.0313, σS = 0.0263, ρ = 0.928, which validates the transcription.
 */
export const HULL_DF = [0.021, 0.035, -0.046, 0.001, 0.044, -0.029, -0.026, -0.029, 0.048, -0.006, -0.036, -0.011, 0.019, -0.027, 0.029];
export const HULL_DS = [0.029, 0.02, -0.044, 0.008, 0.026, -0.019, -0.01, -0.007, 0.043, 0.011, -0.036, -0.018, 0.009, -0.032, 0.023];
