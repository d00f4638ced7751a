import org.rmtlab.core.dynamics.*;
import org.rmtlab.core.util.Progress;
public class Lazy {
  public static void main(String[] a) throws Exception {
    double g0=Double.parseDouble(a[0]);
    DeepLinearDmft d=new DeepLinearDmft(2,0.5,1.5,g0,0,1.0,0.3);
    double[] times={0.5,1,2,3,4};
    LearningCurves c=d.solveExtrapolated(4,100,Progress.NONE).at(times);
    LearningCurves r=new RandomFeatureFlowResolvent(new RandomFeatureFlow(2.0,1.5,0.3),4).losses(times);
    for(int i=0;i<times.length;i++) System.out.printf("t=%.1f train %.6f rf %.6f | test %.6f rf %.6f%n",times[i],c.curve("train_loss").values()[i],r.curve("train_loss").values()[i],c.curve("test_risk").values()[i],r.curve("test_risk").values()[i]);
  }
}
